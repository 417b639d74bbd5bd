import type { z } from 'zod';
import { maskIdNumber, maskPhone } from '../../platform/security/masking.ts';
import type { ResidentRow } from './residents.repository.ts';
import type { residentSchema } from './residents.schemas.ts';

export function presentResident(row: ResidentRow, unmasked: boolean): z.infer<typeof residentSchema> {
  return {
    id: row.id,
    householdId: row.household_id,
    householdName: row.household_name,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    phone: unmasked ? row.phone : maskPhone(row.phone),
    idNumber: unmasked ? row.id_number : maskIdNumber(row.id_number),
    masked: !unmasked,
    tags: row.tags,
    isHouseholdHead: row.is_household_head,
    movedOutAt: row.moved_out_at,
  };
}
