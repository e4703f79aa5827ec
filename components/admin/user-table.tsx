"use client";

import { useState } from "react";
import type { AccountSummary, UpdateUserRequest } from "@/core/api/admin";
import { sendJson } from "@/components/auth/auth-request";
import "@/components/auth/accounts.css";

/** Every account, with make admin / make member and disable / enable. */
export function UserTable({ initialUsers, myId }: { initialUsers: AccountSummary[]; myId: string }) {
  const [users, setUsers] = useState(initialUsers);
  const [error, setError] = useState<string | null>(null);

  async function change(id: string, body: UpdateUserRequest) {
    setError(null);
    try {
      const updated = await sendJson<AccountSummary>("PATCH", `/api/admin/users/${encodeURIComponent(id)}`, body);
      setUsers((current) => current.map((user) => (user.id === id ? updated : user)));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the account.");
    }
  }

  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <table className="data-table" aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th className="compact">Role</th>
            <th className="compact">Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td className="compact">{user.role}</td>
              <td className="compact">{user.disabled ? "disabled" : "active"}</td>
              <td>
                {user.id !== myId && (
                  <span className="inline-form">
                    <button type="button" className="button secondary" onClick={() => change(user.id, { role: user.role === "admin" ? "member" : "admin" })}>
                      {user.role === "admin" ? "Make member" : "Make admin"}
                    </button>
                    <button type="button" className="button secondary" onClick={() => change(user.id, { disabled: !user.disabled })}>
                      {user.disabled ? "Enable" : "Disable"}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
