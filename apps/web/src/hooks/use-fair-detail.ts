import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import * as api from '../lib/api';
import { useResource } from './use-resource';

/** The fair the address names (`:fairId`), with the signed-in person's place in it. */
export function useFairDetail() {
  const { fairId = '' } = useParams();
  const load = useCallback(() => api.getFair(fairId), [fairId]);
  return { fairId, ...useResource(load) };
}
