import { ValidationOptions, registerDecorator } from 'class-validator';
import { formatDay, parseDay, toDay } from '../matching/core/calendar-days';

/** True for a real calendar date written `YYYY-MM-DD` (no time, no zone): 2026-02-30 is false. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && parseDay(value) !== undefined;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a calendar date YYYY-MM-DD', ...options },
      validator: { validate: isCalendarDate },
    });
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

export function addDays(date: string, days: number): string {
  return formatDay(toDay(date) + days);
}
