/**
 * A polite live region for "saved"-style news. It is always rendered, so screen readers already
 * watch it when the message appears.
 */
export function FormStatus({ message }: { message: string | undefined }) {
  return (
    <p role="status" className="form-status">
      {message}
    </p>
  );
}
