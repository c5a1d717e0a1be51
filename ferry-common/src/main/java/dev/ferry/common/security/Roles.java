package dev.ferry.common.security;

/**
 * Ferry's roles, as the identity provider grants them: read, run, approve, administer. A person
 * usually holds several; the Keycloak realm makes admin include operator and approver, and both include viewer.
 */
public final class Roles {
    /** Reads estates, plans, migrations, deliveries. */
    public static final String VIEWER = "viewer";

    /** Starts discoveries and migrations; pauses, resumes, retries, cancels and rolls back. */
    public static final String OPERATOR = "operator";

    /** Approves or rejects plans and gates; a production plan needs one other than its requester. */
    public static final String APPROVER = "approver";

    /** Manages credentials, Slack subscriptions and approvers, and rebuilds projections. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
