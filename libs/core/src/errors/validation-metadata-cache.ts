import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Grouping = MetadataStorage['groupByPropertyName'];
type ValidationMetadata = ReturnType<Lookup>[number];

const cached = new WeakSet<MetadataStorage>();

/**
 * Makes class-validator look up a class's rules once instead of on every validation.
 *
 * For each object it validates, class-validator gathers the rules of its class by testing the class
 * against every class that has rules (`instanceof`, to find inherited ones), then groups them by
 * property. With the API's few hundred DTO classes that took ≈ 10 µs of every request, the largest
 * frame of the validation (docs/performance.md, (3)). The answer depends only on the class and the
 * options, and changes only when rules are added, which happens as modules load: any addition empties
 * the cache. The arrays and groups handed out are shared, and class-validator only reads them.
 */
export function cacheValidationMetadataLookups(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group: Grouping = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let lookups = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groups = new WeakMap<ValidationMetadata[], ReturnType<Grouping>>();

  storage.addValidationMetadata = (metadata: ValidationMetadata) => {
    lookups = new WeakMap();
    groups = new WeakMap();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, targetSchema, always, strictGroups, groupNames) => {
    // A schema given by name has no class to key on; those lookups are rare and left as they were.
    if (typeof target !== 'function') return lookup(target, targetSchema, always, strictGroups, groupNames);
    const key = `${targetSchema}\u0000${always}\u0000${strictGroups}\u0000${groupNames?.join('\u0000') ?? ''}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, targetSchema, always, strictGroups, groupNames)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groups.get(metadata);
    if (!grouped) groups.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
}
