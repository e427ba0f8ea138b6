// Starts the job workers of this node; pg-boss hands each job to one node only, and runs each
// scheduled sweep once per minute across all nodes.
import { chooseDelivery } from "../channels/email/deliver.ts";
import type { Runtime } from "../runtime.ts";
import { closeResolved } from "./auto-close.ts";
import { deliverWebhook } from "./deliver-webhook.ts";
import { startWebhookDispatcher } from "./dispatch-webhooks.ts";
import { startSearchIndexer } from "./index-search.ts";
import { jobDataOf, jobNames } from "./job-data.ts";
import { learnSpamLessons } from "./learn-spam-lessons.ts";
import { notifyUser } from "./notify-user.ts";
import { purgeSpam } from "./purge-spam.ts";
import { recomputeClocks } from "./recompute-clocks.ts";
import { sweepRetention } from "./retention-sweep.ts";
import { sendMail } from "./send-mail.ts";
import { sendPortalLink } from "./send-portal-link.ts";
import { sweepSla } from "./sla-sweep.ts";

export type Workers = { stop(): Promise<void> };

const polling = { pollingIntervalSeconds: 0.5 };

export async function startWorkers(rt: Runtime): Promise<Workers> {
  const boss = rt.queue.boss;
  const deliver = chooseDelivery(rt.config.relayUrl, rt.config.dataDir, rt.log);
  // Many at a time: pg-boss waits out the polling interval after every fetch, so one job per fetch
  // would send two mails a second. A mail that cannot leave yet fails (and is retried) alone.
  await boss.work(
    "send-mail",
    { ...polling, includeMetadata: true, batchSize: 20 },
    async (jobs) => {
      for (const job of jobs) {
        try {
          await sendMail(rt, deliver, jobDataOf("send-mail", job.data), {
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          });
        } catch (error) {
          await boss.fail("send-mail", job.id, { message: String(error) });
        }
      }
    },
  );
  await boss.work("send-portal-link", polling, async (jobs) => {
    for (const job of jobs)
      await sendPortalLink(rt, deliver, jobDataOf("send-portal-link", job.data));
  });
  await boss.work("notify-user", polling, async (jobs) => {
    for (const job of jobs) await notifyUser(rt, deliver, jobDataOf("notify-user", job.data));
  });
  await boss.work("recompute-clocks", polling, async (jobs) => {
    for (const job of jobs) await recomputeClocks(rt, jobDataOf("recompute-clocks", job.data));
  });
  await boss.work("learn-spam-lessons", { ...polling, batchSize: 100 }, async (jobs) => {
    await learnSpamLessons(
      rt,
      jobs.map((job) => jobDataOf("learn-spam-lessons", job.data)),
    );
  });
  // Up to 20 attempts at once: each may wait 10 s for its receiver, and one slow endpoint must not
  // hold the others back. One that fails unexpectedly is retried alone.
  await boss.work("deliver-webhook", { ...polling, batchSize: 20 }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await deliverWebhook(rt, jobDataOf("deliver-webhook", job.data));
        } catch (error) {
          rt.log.error({ err: error, job: job.id }, "a webhook delivery failed unexpectedly");
          await boss.fail("deliver-webhook", job.id, { message: String(error) });
        }
      }),
    );
  });
  await boss.work("sla-sweep", polling, async () => {
    while ((await sweepSla(rt)) > 0) {}
  });
  await boss.work("auto-close", polling, async () => {
    while ((await closeResolved(rt)) > 0) {}
  });
  await boss.work("purge-spam", polling, async () => {
    while ((await purgeSpam(rt)) > 0) {}
  });
  await boss.work("retention-sweep", polling, async () => {
    while ((await sweepRetention(rt)) > 0) {}
  });
  await boss.schedule("purge-spam", "17 * * * *");
  await boss.schedule("retention-sweep", "41 * * * *");
  await boss.schedule("sla-sweep", "* * * * *");
  await boss.schedule("auto-close", "* * * * *");
  const indexer = startSearchIndexer(rt);
  const dispatcher = startWebhookDispatcher(rt);
  return {
    async stop() {
      await indexer.stop();
      await dispatcher.stop();
      for (const name of jobNames) await boss.offWork(name);
    },
  };
}
