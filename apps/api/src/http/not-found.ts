import { RESOURCES, type Missing, type Resource } from './problem-catalogue';

/**
 * What a 404 names, for `new NotFoundException(missing('election', id))`: the filter answers it
 * in the request's language (NOT_FOUND), where a plain sentence could only be English.
 */
export function missing(resource: Resource, id: string, where?: Missing['in']): Missing {
  return where === undefined ? { resource, id } : { resource, id, in: where };
}

export function isMissing(value: unknown): value is Missing {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Missing).id === 'string' &&
    Object.prototype.hasOwnProperty.call(RESOURCES, (value as Missing).resource)
  );
}

/** `branch b-1` → the branch b-1 that does not exist. */
export function missingNamed(what: `${Resource} ${string}`): Missing {
  const resource = (Object.keys(RESOURCES) as Resource[]).find((name) => what.startsWith(`${name} `)) ?? 'stream';
  return missing(resource, what.slice(resource.length + 1));
}
