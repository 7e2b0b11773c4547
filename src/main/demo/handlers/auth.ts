import { fail, invalid, ok, type DemoResponse } from '../responses';
import type { DemoRequest, DemoState } from '../state';

const digits = (s: string) => s.replace(/\D/g, '');

/** POST /auth: login is an email, a login name or a phone (with or without +). */
export async function postAuth(req: DemoRequest, state: DemoState): Promise<DemoResponse> {
  let body: Record<string, unknown> = {};
  try {
    body = (await (await req.request()).json()) as Record<string, unknown>;
  } catch {
    body = {};
  }
  const login = typeof body['login'] === 'string' ? body['login'].trim() : '';
  const password = typeof body['password'] === 'string' ? body['password'] : '';
  const errors: Record<string, string[]> = {};
  if (!login) errors['login'] = ['The login field is required.'];
  if (!password) errors['password'] = ['The password field is required.'];
  if (Object.keys(errors).length > 0) return invalid('An error has occurred.', errors);
  const user = state.dataset.users.find(
    (u) =>
      u.login.toLowerCase() === login.toLowerCase() ||
      u.email.toLowerCase() === login.toLowerCase() ||
      (digits(login).length >= 7 && digits(u.phone) === digits(login)),
  );
  if (!user || user.password !== password) return fail(401, 'Incorrect login or password');
  return ok(
    {
      id: user.id,
      user_token: user.userToken,
      name: user.name,
      phone: user.phone,
      login: user.login,
      email: user.email,
      avatar: `${req.origin}/images/no-master.png`,
      is_approved: true,
      is_email_confirmed: true,
    },
    [],
    201,
  );
}
