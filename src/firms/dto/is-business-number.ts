import { ValidationOptions, registerDecorator } from 'class-validator';
import { isValidBusinessNumber } from '../business-number';

export function IsBusinessNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBusinessNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be a valid business registration number: 10 digits with a correct check digit',
        ...options,
      },
      validator: { validate: isValidBusinessNumber },
    });
}
