package vn.dti.security;

/** A signed-in principal that knows its platform user, however it signed in (name and password, or OIDC). */
interface DtiPrincipal {

    DtiUser dtiUser();
}
