import { z } from 'zod';

export const employeeSearchSchema = z.object({ objective: z.enum(['cost', 'hours']).optional() });
