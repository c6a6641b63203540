import { publicRoute } from "@/lib/api/handlers";
import { AppError } from "@/lib/errors";

// Any /api/v1 path no route serves: the one error shape, not Next's HTML 404 page.
const notFound = publicRoute(async () => {
  throw new AppError("NOT_FOUND", "No such API route");
});

export { notFound as DELETE, notFound as GET, notFound as HEAD, notFound as PATCH, notFound as POST, notFound as PUT };
