namespace Reporting.Intake;

/// <summary>Configuration section "Intake".</summary>
public sealed class IntakeOptions
{
    public ProofOfWorkOptions ProofOfWork { get; set; } = new();

    public FloodOptions Flood { get; set; } = new();

    public FormTokenOptions Form { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    /// <summary>How attachments are cleaned, and which types may pass uncleaned.</summary>
    public Attachments.Cleaning.CleaningLimits Attachments { get; set; } = new();

    /// <summary>The office's public sealing key, published to clients; the private half never comes near Intake.</summary>
    public SealingKeyOptions SealingKey { get; set; } = new();

    public GroupCommitOptions GroupCommit { get; set; } = new();

    /// <summary>When set, every Intake response names the onion service with an <c>Onion-Location</c> header.</summary>
    public Uri? OnionLocation { get; set; }
}

public sealed class ProofOfWorkOptions
{
    /// <summary>Leading zero bits asked of SHA-256(challenge:nonce); 0 turns proof of work off.</summary>
    public int Difficulty { get; set; } = 18;

    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class FloodOptions
{
    /// <summary>Requests that may arrive at once, from everyone together, before the bucket refuses with 429.</summary>
    public int BurstSize { get; set; } = 200;

    public double RefillPerSecond { get; set; } = 50;

    /// <summary>
    /// base64url of 32 bytes: the HMAC key of proof-of-work challenges and form tokens. Every Intake host behind one
    /// load balancer needs the same; unset, each process makes its own, and its tokens are good on it alone.
    /// </summary>
    public string? TokenKey { get; set; }
}

public sealed class FormTokenOptions
{
    /// <summary>A form posted sooner than this after the page was served came from a script, not a person.</summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(2);
}

public sealed class LimitOptions
{
    public int MaxReportBodyBytes { get; set; } = 256 * 1024;

    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    public long MaxAttachmentBytesPerReport { get; set; } = 100L * 1024 * 1024;

    /// <summary>Where sealed attachments are kept (ciphertext only), relative to the working directory unless absolute.</summary>
    public string AttachmentDirectory { get; set; } = Contracts.AttachmentFiles.DefaultDirectory;
}

public sealed class SealingKeyOptions
{
    public string? KeyId { get; set; }

    /// <summary>base64url of the office's 32-byte X25519 public key.</summary>
    public string? PublicKey { get; set; }
}

/// <summary>How submitted reports are gathered into shared units of work ("Intake:GroupCommit").</summary>
public sealed class GroupCommitOptions
{
    /// <summary>The most reports one unit of work takes; more wait for the next.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// Units of work committing at once. Two let one batch gather while the other waits on the database; one more
    /// rarely helps on a small machine and takes a connection from the pool.
    /// </summary>
    public int MaxInFlight { get; set; } = 2;
}
