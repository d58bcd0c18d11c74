/**
 * Reading the append-only audit log ({@code vn.dti.framework.AuditLog} writes it): the API {@code /api/audit} and the
 * page {@code /admin/audit}, for the council and the administrator, within their province or huyện.
 */
package vn.dti.audit;
