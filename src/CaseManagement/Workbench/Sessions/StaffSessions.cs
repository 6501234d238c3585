using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Reporting.CaseManagement.Workbench.Sessions;

/// <summary>
/// A workbench session as the server keeps it. The browser's cookie holds only a random session key (protected by
/// ASP.NET Core's data protection); the document is stored under the key's SHA-256, so that someone who reads the
/// database cannot sign in with what they read.
/// </summary>
public sealed class StaffSession
{
    public string Id { get; set; } = "";

    public string Username { get; set; } = "";

    /// <summary>The authentication ticket as <see cref="TicketSerializer"/> writes it: the staff member's claims, no case data.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>The cookie handler's <see cref="ITicketStore"/>: sessions live in PostgreSQL, and ending one there ends it everywhere.</summary>
internal sealed class StaffSessions(IDocumentStore store) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var session = store.LightweightSession();
        session.Store(new StaffSession
        {
            Id = Hash(key),
            Username = ticket.Principal.Identity?.Name ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.Add(WorkbenchAuthentication.IdleTimeout),
        });
        await session.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<StaffSession>(Hash(key));
        return stored is null || stored.ExpiresAt < DateTimeOffset.UtcNow ? null : TicketSerializer.Default.Deserialize(stored.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var session = store.LightweightSession();
        session.Delete<StaffSession>(Hash(key));
        await session.SaveChangesAsync();
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
