import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * At most `places` decimals. class-validator's own `maxDecimalPlaces` reads the number's text and
 * throws on numbers JavaScript writes with an exponent (1e-7), which turned input into a 500.
 * Anything but a number passes: whether it is one (or given at all) is `IsNumber`'s to say, else a
 * missing value also got "may have at most 2 decimals", which is not the problem.
 */
export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  const factor = 10 ** places;
  return ValidateBy(
    {
      name: 'maxDecimalPlaces',
      constraints: [places],
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'number' ||
          !Number.isFinite(value) ||
          Math.abs(Math.round(value * factor) - value * factor) < 1e-6,
        defaultMessage: (args) => `${args?.property} may have at most ${places} decimals`,
      },
    },
    options,
  );
}
