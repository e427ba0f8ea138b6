// How a customer's own contact details are written when they give them (the API's inbound messages,
// the chat widget): an address, a phone number as people type it.
import { z } from "zod";

export const contactEmail = z.email().max(320);

export const contactPhone = z
  .string()
  .min(4)
  .max(40)
  .regex(/^[+0-9 ().-]+$/, "digits, spaces, + ( ) . - only");
