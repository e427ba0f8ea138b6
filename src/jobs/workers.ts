// Starts the job workers of this node; pg-boss hands each job to one node only.
import { chooseDelivery } from "../channels/email/deliver.ts";
import type { Runtime } from "../runtime.ts";
import { type SendMailJob, sendMail } from "./send-mail.ts";

export type Workers = { stop(): Promise<void> };

export async function startWorkers(rt: Runtime): Promise<Workers> {
  const boss = rt.queue.boss;
  const deliver = chooseDelivery(rt.config.relayUrl, rt.config.dataDir, rt.log);
  await boss.work<SendMailJob>(
    "send-mail",
    { includeMetadata: true, pollingIntervalSeconds: 0.5 },
    async (jobs) => {
      for (const job of jobs) {
        await sendMail(rt, deliver, job.data, {
          retryCount: job.retryCount,
          retryLimit: job.retryLimit,
        });
      }
    },
  );
  return {
    async stop() {
      await boss.offWork("send-mail");
    },
  };
}
