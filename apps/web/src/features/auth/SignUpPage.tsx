import { signUpBodySchema } from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { checkBody } from '../../lib/errors';
import { paths, safeNextPath, withNext } from '../../lib/navigation';
import { signUp, useSessionStore } from '../../lib/session-store';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';

export function SignUpPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const account = useSessionStore((state) => state.account);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { pending, formError, fieldError, submit } = useFormSubmit();

  if (account) return <Navigate to={next} replace />;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = { email, password, displayName };
    void submit(() => signUp(checkBody(signUpBodySchema, body)));
  };

  return (
    <>
      <PageHeading>{t('auth.signUpTitle')}</PageHeading>
      <form className="form narrow" noValidate onSubmit={handleSubmit}>
        <TextField
          label={t('auth.displayName')}
          hint={t('auth.displayNameHint')}
          autoComplete="name"
          required
          maxLength={80}
          value={displayName}
          onValue={setDisplayName}
          error={fieldError('displayName')}
        />
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
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onValue={setPassword}
          error={fieldError('password')}
        />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('auth.createAccount')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to={withNext(paths.signIn, next)}>{t('auth.signIn')}</Link>
      </p>
    </>
  );
}
