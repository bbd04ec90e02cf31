import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n.js';
import { currency, timeZone } from '../stores/index.js';

export const setupBody = z.strictObject({
  business: z.strictObject({ name: z.string().trim().min(1).max(120), currency, language: z.enum(LANGUAGES) }),
  store: z.strictObject({
    name: z.string().trim().min(1).max(120),
    timeZone,
    address: z.string().trim().max(300).optional(),
    phone: z.string().trim().max(40).optional(),
  }),
  owner: z.strictObject({ name: z.string().trim().min(1).max(120), email: z.email().max(320), password: z.string().max(200) }),
});
