// /api/v1/calendars: business calendars (weekly hours, time zone, holidays); list and read for every
// role, create and change for admins. Every problem in a calendar is answered at once (400).
import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { createCalendar } from "../../../commands/settings/create-calendar.ts";
import { updateCalendar } from "../../../commands/settings/update-calendar.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getCalendar, listCalendars } from "../../../store/queries/settings.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  calendarPatchBody,
  calendarView,
  invalidInputView,
  newCalendarBody,
  presentCalendar,
} from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

type CalendarBody = Partial<z.infer<typeof newCalendarBody>>;

const calendarInput = (b: CalendarBody) => ({
  name: b.name,
  timeZone: b.time_zone,
  weeklyHours: b.weekly_hours,
  holidays: b.holidays,
});

export function registerCalendarRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/calendars",
    {
      schema: {
        summary: "List business calendars, newest first",
        tags: ["settings"],
        querystring: z.strictObject({ ...paging }),
        response: { 200: page(calendarView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const result = await listCalendars(rt.db, {
        workspaceId: p.workspaceId,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentCalendar);
    },
  );

  app.get(
    "/api/v1/calendars/:id",
    {
      schema: {
        summary: "One business calendar",
        tags: ["settings"],
        params: idParams,
        response: { 200: calendarView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const calendar = await getCalendar(rt.db, p.workspaceId, request.params.id);
      if (!calendar) throw new DeskError("not_found", "no such calendar");
      return presentCalendar(calendar);
    },
  );

  app.post(
    "/api/v1/calendars",
    {
      config: { role: "admin" },
      schema: {
        summary: "Create a business calendar",
        description:
          "Times are HH:MM (24:00 ends a day); ranges of a day must not overlap; holidays are " +
          "YYYY-MM-DD in the calendar's time zone. Every problem is listed in `errors`.",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newCalendarBody,
        response: { 200: calendarView, 201: calendarView, 400: invalidInputView, 403: problemView },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createCalendar,
        p,
        {
          ...calendarInput(b),
          name: b.name,
          timeZone: b.time_zone,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "calendars", body: b },
          answer: presentCalendar,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/calendars/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change a business calendar",
        description: "`weekly_hours` replaces the whole week: a day left out is closed.",
        tags: ["settings"],
        params: idParams,
        body: calendarPatchBody,
        response: {
          200: calendarView,
          400: invalidInputView,
          403: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const calendar = await runCommand(rt, updateCalendar, p, {
        id: request.params.id,
        patch: calendarInput(request.body),
      });
      return presentCalendar(calendar);
    },
  );
}
