import {
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  MetadataStorage,
  getMetadataStorage,
  validateSync,
} from 'class-validator';
import { cacheValidationMetadataLookups } from './validation-metadata-cache.js';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  count!: unknown;

  @IsOptional()
  @IsString()
  note?: unknown;
}

const failedProperties = (value: object) =>
  validateSync(value)
    .map((error) => `${error.property}:${Object.keys(error.constraints ?? {}).join(',')}`)
    .sort();

const make = (values: Record<string, unknown>) => Object.assign(new Child(), values);

describe('cacheValidationMetadataLookups', () => {
  const storage = getMetadataStorage();
  cacheValidationMetadataLookups(storage);

  it('finds the same rules as class-validator, inherited ones included', () => {
    const uncached = MetadataStorage.prototype.getTargetValidationMetadatas.call(
      storage,
      Child,
      '',
      false,
      false,
      undefined,
    );
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, undefined)).toEqual(uncached);
    expect(failedProperties(make({ name: 1, count: 'x' }))).toEqual(['count:isInt', 'name:isString']);
    expect(failedProperties(make({ name: 'a', count: 2 }))).toEqual([]);
  });

  it('looks a class up once for the same options, and again for other options', () => {
    const first = storage.getTargetValidationMetadatas(Child, '', false, false, undefined);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, undefined)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    const grouped = storage.getTargetValidationMetadatas(Child, '', false, false, ['admin']);
    expect(grouped).not.toBe(first);
    // With groups asked for, rules without groups do not apply (class-validator's own behaviour).
    expect(grouped).toEqual(
      MetadataStorage.prototype.getTargetValidationMetadatas.call(storage, Child, '', false, false, [
        'admin',
      ]),
    );
  });

  it('sees a rule added after a lookup', () => {
    expect(failedProperties(make({ name: 'a', count: -3 }))).toEqual([]);
    IsPositive()(Child.prototype, 'count');
    expect(failedProperties(make({ name: 'a', count: -3 }))).toEqual(['count:isPositive']);
  });

  it('is installed once, however often it is called', () => {
    const lookup = storage.getTargetValidationMetadatas;
    cacheValidationMetadataLookups(storage);
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
