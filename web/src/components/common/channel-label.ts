// A channel in words ("email", "web form"), or as the API named it when the console has no word for it.
import type { TFunction } from "i18next";
import { oneOf, readable } from "../../display/one-of.ts";

const CHANNELS = ["email", "api", "form", "chat", "portal", "phone", "visit", "social"] as const;

export function channelLabel(t: TFunction, channel: string): string {
  return oneOf(CHANNELS, channel) ? t(`channel.${channel}`) : readable(channel);
}
