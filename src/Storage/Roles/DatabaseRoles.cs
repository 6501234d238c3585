using System.Security.Cryptography;
using Npgsql;
using Reporting.Storage.Hosting;

namespace Reporting.Storage.Roles;

/// <summary>
/// The login roles of a split deployment (<c>roles.sql</c>): <c>P_intake</c>, <c>P_cases</c> and <c>P_disclosure</c>,
/// where P is the schema's name unless given. Roles belong to the whole PostgreSQL cluster, so two deployments in one
/// cluster need different prefixes. The script names the modules' tables: it is the one place that knows what each
/// host's login may touch, kept beside the schema it grants on.
/// </summary>
public sealed class DatabaseRoles(NpgsqlDataSource dataSource, DatabaseOptions options)
{
    public static IReadOnlyList<string> Of(string prefix) => [$"{prefix}_intake", $"{prefix}_cases", $"{prefix}_disclosure"];

    /// <summary>
    /// Creates the roles where missing and grants each its own, from nothing. With <paramref name="passwords"/>, each
    /// role's password is read from <c>DIR/ROLE.password</c>, or drawn and written there (readable by its owner only)
    /// when that file is missing; without, the roles have no password, for peer or certificate authentication.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(string? prefix, DirectoryInfo? passwords, CancellationToken cancellationToken)
    {
        prefix ??= options.Schema;
        if (!System.Text.RegularExpressions.Regex.IsMatch(prefix, "^[a-z_][a-z0-9_]{0,40}$"))
            throw new ArgumentException($"The role prefix '{prefix}' must be lower-case letters, digits and underscores.", nameof(prefix));
        var roles = Of(prefix);
        string sql;
        using (var reader = new StreamReader(typeof(DatabaseRoles).Assembly.GetManifestResourceStream("Reporting.Storage.Roles.roles.sql")!))
            sql = (await reader.ReadToEndAsync(cancellationToken))
                .Replace("@schema@", options.Schema, StringComparison.Ordinal)
                .Replace("@intake@", roles[0], StringComparison.Ordinal)
                .Replace("@cases@", roles[1], StringComparison.Ordinal)
                .Replace("@disclosure@", roles[2], StringComparison.Ordinal);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var apply = new NpgsqlCommand(sql, connection, transaction))
            await apply.ExecuteNonQueryAsync(cancellationToken);
        foreach (var role in roles)
        {
            // ALTER ROLE takes no parameters: the server's format() quotes the name and the password (NULL for none).
            var password = passwords is null ? null : await PasswordAsync(passwords, role, cancellationToken);
            await using var set = new NpgsqlCommand(
                "SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text)", connection, transaction);
            set.Parameters.Add(new() { Value = role });
            set.Parameters.Add(new() { Value = (object?)password ?? DBNull.Value });
            var statement = (string)(await set.ExecuteScalarAsync(cancellationToken))!;
            await using var alter = new NpgsqlCommand(statement, connection, transaction);
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return roles;
    }

    private static async Task<string> PasswordAsync(DirectoryInfo folder, string role, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Path.Combine(folder.FullName, role + ".password");
        if (File.Exists(file))
            return (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await using (var output = new FileStream(file, new FileStreamOptions
                     {
                         Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                     }))
        await using (var writer = new StreamWriter(output))
            await writer.WriteAsync(password);
        return password;
    }
}
