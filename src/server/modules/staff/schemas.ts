import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n.js';
import { ROLES } from '../../platform/permissions.js';

export const staffCreate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  displayName: z.string().trim().min(1).max(60).optional(),
  email: z.email().max(320),
  phone: z.string().trim().max(40).optional(),
  role: z.enum(ROLES),
  storeIds: z.array(z.uuid()).max(200).default([]),
  language: z.enum(LANGUAGES).default('en'),
  password: z.string().max(200).optional(),
  pin: z
    .string()
    .regex(/^\d{4,6}$/, 'a PIN is 4 to 6 digits')
    .optional(),
});
export type StaffCreate = z.infer<typeof staffCreate>;

export const staffUpdate = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(120).optional(),
  displayName: z.string().trim().min(1).max(60).optional(),
  email: z.email().max(320).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  role: z.enum(ROLES).optional(),
  storeIds: z.array(z.uuid()).max(200).optional(),
  language: z.enum(LANGUAGES).optional(),
  password: z.string().max(200).optional(),
});
export type StaffUpdate = z.infer<typeof staffUpdate>;

export const pinBody = z.strictObject({ pin: z.string().regex(/^\d{4,6}$/, 'a PIN is 4 to 6 digits') });
