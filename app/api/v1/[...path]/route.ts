import { noSuchRoute } from "@/lib/api/handlers";

// Any /api/v1 path no route serves: the one error shape, not Next's HTML 404 page.
export {
  noSuchRoute as DELETE,
  noSuchRoute as GET,
  noSuchRoute as HEAD,
  noSuchRoute as PATCH,
  noSuchRoute as POST,
  noSuchRoute as PUT,
};
