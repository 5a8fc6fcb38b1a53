import { signInBodySchema } from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { checkBody } from '../../lib/errors';
import { paths, safeNextPath, withNext } from '../../lib/navigation';
import { signIn, useSessionStore } from '../../lib/session-store';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';

/** Signing in only needs some password; the length rule is for choosing one. */
const SIGN_IN_ISSUES = { password: 'issues.required' } as const;

export function SignInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const account = useSessionStore((state) => state.account);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { pending, formError, fieldError, submit } = useFormSubmit(SIGN_IN_ISSUES);

  if (account) return <Navigate to={next} replace />;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => signIn(checkBody(signInBodySchema, { email, password })));
  };

  return (
    <>
      <PageHeading>{t('auth.signInTitle')}</PageHeading>
      <form className="form narrow" noValidate onSubmit={handleSubmit}>
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onValue={setEmail}
          error={fieldError('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={fieldError('password')}
        />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('auth.signIn')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')}{' '}
        <Link to={withNext(paths.signUp, next)}>{t('auth.createAccount')}</Link>
      </p>
    </>
  );
}
