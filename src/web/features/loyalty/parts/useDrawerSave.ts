// Saving a loyalty drawer's form (bonus rule, coupon): submit shows the local errors from then on and
// sends only when there are none; once saved it says so, refreshes the given queries and closes.
// `server` holds the server's field errors by path.
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';

export function useDrawerSave<T>({
  local,
  mutationFn,
  savedMessage,
  invalidate,
  onClose,
}: {
  /** The errors found in the browser, by field; empty when the form may be sent. */
  local: object;
  mutationFn: () => Promise<T>;
  savedMessage: string;
  invalidate: readonly QueryKey[];
  onClose: () => void;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn,
    onSuccess: () => {
      toast(savedMessage);
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      onClose();
    },
  });
  const submit = () => {
    setTried(true);
    if (Object.keys(local).length === 0) save.mutate();
  };
  return { save, server: fieldErrors(save.error), tried, submit };
}
