// /api/v1/brands: list, read (any role); create and change (admins).
import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { createBrand } from "../../../commands/settings/create-brand.ts";
import { updateBrand } from "../../../commands/settings/update-brand.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getBrand, listBrands } from "../../../store/queries/settings.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  brandPatchBody,
  brandView,
  invalidInputView,
  newBrandBody,
  presentBrand,
} from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

type BrandBody = Partial<z.infer<typeof newBrandBody>>;

const brandInput = (b: BrandBody) => ({
  name: b.name,
  slug: b.slug,
  addresses: b.addresses,
  language: b.language,
  timeZone: b.time_zone,
  country: b.country,
  signature: b.signature,
  charterPublic: b.charter_public,
  calendarId: b.calendar_id,
  teamId: b.team_id,
});

export function registerBrandRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/brands",
    {
      schema: {
        summary: "List brands, newest first",
        tags: ["settings"],
        querystring: z.strictObject({ ...paging }),
        response: { 200: page(brandView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const result = await listBrands(rt.db, {
        workspaceId: p.workspaceId,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentBrand);
    },
  );

  app.get(
    "/api/v1/brands/:id",
    {
      schema: {
        summary: "One brand",
        tags: ["settings"],
        params: idParams,
        response: { 200: brandView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const brand = await getBrand(rt.db, p.workspaceId, request.params.id);
      if (!brand) throw new DeskError("not_found", "no such brand");
      return presentBrand(brand);
    },
  );

  app.post(
    "/api/v1/brands",
    {
      config: { role: "admin" },
      schema: {
        summary: "Create a brand",
        description: "An address or slug already used by another brand of the workspace is a 409.",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newBrandBody,
        response: {
          200: brandView,
          201: brandView,
          400: invalidInputView,
          403: problemView,
          409: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createBrand,
        p,
        {
          ...brandInput(b),
          name: b.name,
          slug: b.slug,
          addresses: b.addresses,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "brands", body: b },
          answer: presentBrand,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/brands/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change a brand",
        tags: ["settings"],
        params: idParams,
        body: brandPatchBody,
        response: {
          200: brandView,
          400: invalidInputView,
          403: problemView,
          404: problemView,
          409: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return presentBrand(
        await runCommand(rt, updateBrand, p, {
          id: request.params.id,
          patch: brandInput(request.body),
        }),
      );
    },
  );
}
