// Job: mail a customer the portal sign-in link, from the brand's address and in the language chosen
// when it was asked for; then wipe the sealed token, so that only its hash remains.
import { and, eq } from "drizzle-orm";
import { composeMail } from "../channels/email/compose.ts";
import type { Deliver } from "../channels/email/deliver.ts";
import { isLanguage } from "../domain/language.ts";
import { linkMail } from "../domain/portal/link-mail.ts";
import type { Runtime } from "../runtime.ts";
import { brands, portalLinks } from "../store/schema/index.ts";
import { open } from "../store/sealed-box.ts";
import type { JobData } from "./job-data.ts";

export async function sendPortalLink(
  rt: Runtime,
  deliver: Deliver,
  job: JobData["send-portal-link"],
): Promise<void> {
  const [row] = await rt.db
    .select({ link: portalLinks, brand: brands })
    .from(portalLinks)
    .innerJoin(
      brands,
      and(eq(brands.workspaceId, portalLinks.workspaceId), eq(brands.id, portalLinks.brandId)),
    )
    .where(and(eq(portalLinks.workspaceId, job.workspaceId), eq(portalLinks.id, job.linkId)));
  // Sent already (the token is wiped once its mail left), or used: nothing to send.
  if (!row?.link.sealedToken || row.link.usedAt !== null) return;
  const { link, brand } = row;
  const token = open(rt.secret, "portal-link", link.id, link.sealedToken as string);
  const url = `${job.baseUrl}/portal/${encodeURIComponent(brand.slug)}/sign-in?token=${token}`;
  const language = isLanguage(link.language) ? link.language : "en";
  const mail = linkMail(language, brand.name, url);
  const from = brand.addresses[0] ?? rt.config.supportAddress;
  const raw = await composeMail({
    from: { name: brand.name, address: from },
    to: { address: link.email },
    subject: mail.subject,
    text: mail.text,
    messageId: `<portal-${link.id}@${from.slice(from.lastIndexOf("@") + 1)}>`,
    autoSubmitted: "auto-generated",
    language,
    date: rt.now(),
  });
  const outcome = await deliver({ from: "", to: [link.email] }, raw, `portal-${link.id}`, rt.now());
  if (!outcome.ok && !outcome.permanent) {
    throw new Error(`the sign-in link could not be sent yet: ${outcome.response}`);
  }
  await rt.db
    .update(portalLinks)
    .set({ sealedToken: null })
    .where(and(eq(portalLinks.workspaceId, link.workspaceId), eq(portalLinks.id, link.id)));
}
