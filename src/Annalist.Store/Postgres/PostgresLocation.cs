using Annalist.Core.Errors;
using Npgsql;

namespace Annalist.Store.Postgres;

/// <summary>Turns the addresses people write for a PostgreSQL store into Npgsql connection strings.</summary>
public static class PostgresLocation
{
    /// <summary>True for <c>postgres://…</c>, <c>postgresql://…</c> and Npgsql connection strings (<c>Host=…;…</c>).</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An Npgsql connection string for <paramref name="location"/>: a URI
    /// <c>postgres://user:password@host:port/database?sslmode=…&amp;search_path=…</c> or a connection string as is.
    /// </summary>
    /// <exception cref="AnnalistException">ANL5003 when it is neither.</exception>
    public static string ToConnectionString(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(location).ConnectionString;
            }
            catch (ArgumentException)
            {
                throw new AnnalistException(ErrorCatalogue.InvalidStoreLocation, location);
            }
        }
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
            throw new AnnalistException(ErrorCatalogue.InvalidStoreLocation, Redact(location));
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) builder.Port = uri.Port;
        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string name = Uri.UnescapeDataString(kv[0]);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                switch (name.ToLowerInvariant())
                {
                    case "sslmode": builder.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true); break;
                    case "search_path" or "schema": builder.SearchPath = value; break;
                    case "application_name": builder.ApplicationName = value; break;
                    default: builder[name] = value; break;
                }
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                throw new AnnalistException(ErrorCatalogue.InvalidStoreLocation, exception, Redact(location));
            }
        }
        return builder.ConnectionString;
    }

    /// <summary><paramref name="location"/> with any password replaced by <c>***</c>, for messages.</summary>
    public static string Redact(string location)
    {
        if (location.Contains("://", StringComparison.Ordinal))
        {
            int at = location.IndexOf('@', StringComparison.Ordinal);
            int scheme = location.IndexOf("://", StringComparison.Ordinal) + 3;
            int colon = at > scheme ? location.IndexOf(':', scheme, at - scheme) : -1;
            return colon > 0 ? location[..(colon + 1)] + "***" + location[at..] : location;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(location);
            if (builder.Password is not null) builder.Password = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(an invalid connection string)";
        }
    }
}
