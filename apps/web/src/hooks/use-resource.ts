import { useEffect, useState } from 'react';

export type Resource<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

const LOADING = { status: 'loading' } as const;

interface Settled<T> {
  load: () => Promise<T>;
  resource: Resource<T>;
}

/**
 * Loads data for a view. Pass a `load` function memoised on what it depends on (useCallback);
 * a new function means new data, shown as loading until it arrives. `reload` fetches again
 * while still showing the current data, or shows loading again after an error.
 */
export function useResource<T>(load: () => Promise<T>): {
  resource: Resource<T>;
  reload: () => void;
} {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setSettled({ load, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (current) setSettled({ load, resource: { status: 'error', error } });
      },
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = () => {
    setSettled((previous) => (previous?.resource.status === 'error' ? null : previous));
    setVersion((previous) => previous + 1);
  };
  return { resource: settled?.load === load ? settled.resource : LOADING, reload };
}
