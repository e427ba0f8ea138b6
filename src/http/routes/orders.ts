// Customers and orders by the keys of the system they come from (a shop, a billing system): upserts
// that answer 201 when they create and 200 otherwise, and a customer's orders, newest first.
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { upsertCustomer } from "../../commands/customer/upsert-customer.ts";
import { upsertOrder } from "../../commands/orders/upsert-order.ts";
import { runCommand } from "../../commands/run-command.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { getCustomer } from "../../store/queries/customers.ts";
import { ordersOf } from "../../store/queries/orders.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";
import { customerView, presentCustomer } from "../schemas/customer.ts";
import {
  customerUpsertBody,
  externalIdParams,
  orderBody,
  orderView,
  presentOrder,
} from "../schemas/order.ts";
import { invalidInputView } from "../schemas/settings.ts";

export function registerOrderRoutes(app: App, rt: Runtime): void {
  app.put(
    "/api/v1/customers/by-external-id/:external_id",
    {
      schema: {
        summary: "Create or update a customer by their key in the system they come from",
        description:
          "201 when it creates the customer (a customer.imported event), 200 when it finds them: " +
          "the fields sent change (a customer.updated event naming them; none when nothing " +
          "changed). `email` and `phone` are added to their identities. A customer who wrote in " +
          "with that email or phone and has no external id yet is found and takes this one " +
          "(200); an address of a customer another external id keys is a 409. " +
          "`rapport import customers` does the same for a whole file.",
        tags: ["customers"],
        params: externalIdParams,
        body: customerUpsertBody,
        response: {
          200: customerView,
          201: customerView,
          400: invalidInputView,
          409: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { created, profile } = await runCommand(rt, upsertCustomer, p, {
        externalId: request.params.external_id,
        name: b.name,
        email: b.email,
        phone: b.phone,
        language: b.language,
        customerSince: b.customer_since,
      });
      return reply.code(created ? 201 : 200).send(presentCustomer(profile));
    },
  );

  app.put(
    "/api/v1/orders/:external_id",
    {
      schema: {
        summary: "Record or update an order by its key in the system it comes from",
        description:
          "The customer is named by `customer_id` or `customer_external_id` (404 when there is " +
          "none in this workspace). 201 when it records the order (order.recorded on the " +
          "customer's timeline), 200 otherwise (order.updated with the values before and after; " +
          "no event when nothing changed). `rapport import orders` does the same for a file.",
        tags: ["customers"],
        params: externalIdParams,
        body: orderBody,
        response: {
          200: orderView,
          201: orderView,
          400: invalidInputView,
          404: problemView,
          409: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { created, order } = await runCommand(rt, upsertOrder, p, {
        externalId: request.params.external_id,
        customer:
          b.customer_id !== undefined
            ? { id: b.customer_id }
            : { externalId: b.customer_external_id ?? "" },
        orderedAt: new Date(b.ordered_at),
        amountMinor: b.amount_minor,
        currency: b.currency,
        status: b.status,
      });
      return reply.code(created ? 201 : 200).send(presentOrder(order));
    },
  );

  app.get(
    "/api/v1/customers/:id/orders",
    {
      schema: {
        summary: "A customer's orders, the latest ordered first",
        tags: ["customers"],
        params: z.object({ id: z.uuid() }),
        querystring: z.strictObject({ ...paging }),
        response: { 200: page(orderView), 400: invalidInputView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const customer = await getCustomer(rt.db, p.workspaceId, request.params.id);
      if (!customer) throw new DeskError("not_found", "no such customer");
      const result = await ordersOf(rt.db, p.workspaceId, customer.id, {
        after: request.query.cursor ? decodeCursor(rt.secret, request.query.cursor) : undefined,
        limit: request.query.limit,
      });
      return {
        items: result.rows.map(presentOrder),
        next_cursor: result.next ? encodeCursor(rt.secret, result.next) : null,
      };
    },
  );
}
