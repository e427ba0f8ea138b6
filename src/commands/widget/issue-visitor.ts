// A new visitor of a brand's widget: a row to hang their conversation and presence on, and the
// signed id the widget keeps and sends with every call.
import { createVisitorToken } from "../../domain/widget/visitor-token.ts";
import { widgetVisitors } from "../../store/schema/index.ts";
import { replyTokenHmac } from "../mail/reply-message-id.ts";
import type { UseCase } from "../run-command.ts";

export const issueVisitor: UseCase<
  { brandId: string },
  { visitorId: string; token: string }
> = async (uow, p, input) => {
  const visitorId = uow.newId();
  await uow.tx.insert(widgetVisitors).values({
    workspaceId: p.workspaceId,
    id: visitorId,
    brandId: input.brandId,
    createdAt: uow.now,
  });
  const scope = { workspaceId: p.workspaceId, brandId: input.brandId };
  return {
    visitorId,
    token: createVisitorToken(scope, visitorId, replyTokenHmac(uow.runtime.secret)),
  };
};
