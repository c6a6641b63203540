// The Dockerfile, parsed (dockerfile-ast): its stages in order, the images they start from with the initial ARGs
// resolved, and what the final stage copies out of the build. The unit test asserts on it; the standalone smoke
// test copies exactly those paths.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser, type Copy, type Instruction } from "dockerfile-ast";

export const root = path.resolve(import.meta.dirname, "../..");
export const dockerfileText = readFileSync(path.join(root, "Dockerfile"), "utf8");
export const dockerfile = DockerfileParser.parse(dockerfileText);

export type Stage = { name: string | null; image: string; instructions: Instruction[] };

const initialArgs = new Map(
  dockerfile.getInitialARGs().flatMap((arg) => {
    const property = arg.getProperty();
    return property ? [[property.getName(), property.getValue() ?? ""] as const] : [];
  }),
);

const resolve = (text: string) => text.replace(/\$\{?(\w+)\}?/g, (_, name: string) => initialArgs.get(name) ?? "");

/** Stages in file order; each one's instructions start with its FROM. */
export const stages: Stage[] = dockerfile.getInstructions().reduce<Stage[]>((list, instruction) => {
  if (instruction.getKeyword() === "FROM") {
    const [image = "", , name = null] = (instruction.getArgumentsContent() ?? "").split(/\s+/);
    list.push({ name, image: resolve(image), instructions: [instruction] });
  } else {
    list.at(-1)?.instructions.push(instruction);
  }
  return list;
}, []);

export const finalStage = stages.at(-1)!;

export const instructionsOf = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.getKeyword() === keyword);

/** The WORKDIR in force in a stage (inherited from the stage it is built on). */
export function workdirOf(stage: Stage): string {
  const own = instructionsOf(stage, "WORKDIR").at(-1)?.getArgumentsContent();
  if (own) return own;
  const parent = stages.find((s) => s.name === stage.image);
  return parent ? workdirOf(parent) : "/";
}

/** `COPY --from=<stage> <source> <destination>` lines of a stage, paths relative to the two stages' WORKDIRs. */
export function copiesFrom(stage: Stage): { from: string; source: string; destination: string }[] {
  return (instructionsOf(stage, "COPY") as Copy[]).flatMap((copy) => {
    const from = copy.getFromFlag()?.getValue();
    if (!from) return [];
    const parts = copy
      .getArguments()
      .map((a) => a.getValue())
      .filter((value) => !value.startsWith("--"));
    const destination = parts.pop() ?? "";
    const sourceStage = stages.find((s) => s.name === from);
    if (!sourceStage) throw new Error(`COPY --from=${from}: no such stage`);
    return parts.map((source) => ({
      from,
      source: path.posix.relative(workdirOf(sourceStage), path.posix.resolve(workdirOf(sourceStage), source)),
      destination: path.posix.relative(workdirOf(stage), path.posix.resolve(workdirOf(stage), destination)),
    }));
  });
}

/** The exec-form command of the final stage's HEALTHCHECK. */
export function healthcheckCommand(): string[] {
  const [healthcheck] = instructionsOf(finalStage, "HEALTHCHECK");
  const text = healthcheck?.getArgumentsContent() ?? "";
  const json = text.slice(text.indexOf("CMD") + "CMD".length).trim();
  return JSON.parse(json) as string[];
}
