using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>
/// Keeps <see cref="TokenSigningKeys"/> in step with the database: loads the keys before the host serves, makes a new
/// key when the newest is due, drops keys that can no longer have signed a live token, and reloads every minute so
/// that every host sees the keys any host made.
/// </summary>
public sealed partial class TokenSigningKeyRotation(
    TokenSigningKeys keys,
    ITokenSigningKeyStore store,
    ISecretWrapping wrapping,
    StaffTokenOptions options,
    TimeProvider time,
    ILogger<TokenSigningKeyRotation> logger) : BackgroundService
{
    public const string WrappingPurpose = "staff-token-signing-key";
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RotateAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReloadInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RotateAsync(stoppingToken);
    }

    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var loaded = (await store.LoadAsync(cancellationToken))
            .Select(stored => TokenSigningKey.Import(stored.Id, wrapping.Unwrap(stored.WrappedPrivateKey, WrappingPurpose), stored.CreatedAt))
            .ToList();
        if (loaded.Count == 0 || TokenSigningKeys.IsDueForRotation(loaded.Max(key => key.CreatedAt), now, options.SigningKeyLifetime))
        {
            var fresh = TokenSigningKey.Generate(now);
            await store.AddAsync(new StoredTokenSigningKey(fresh.KeyId, wrapping.Wrap(fresh.ExportPkcs8(), WrappingPurpose), now), cancellationToken);
            loaded.Add(fresh);
            LogRotated(logger, fresh.KeyId);
        }
        foreach (var retired in TokenSigningKeys.Retired(loaded, now).ToList())
        {
            await store.RemoveAsync(retired.KeyId, cancellationToken);
            loaded.Remove(retired);
            retired.Dispose();
        }
        // Keys still held by in-flight validations are left to the garbage collector rather than disposed under them.
        keys.Replace(loaded);
    }

    [LoggerMessage(LogLevel.Information, "New token signing key {KeyId}")]
    private static partial void LogRotated(ILogger logger, string keyId);
}
