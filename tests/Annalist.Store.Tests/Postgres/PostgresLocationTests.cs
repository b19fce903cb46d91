using Annalist.Core.Errors;
using Annalist.Store.Postgres;
using Npgsql;

namespace Annalist.Store.Tests.Postgres;

public sealed class PostgresLocationTests
{
    [Fact]
    public void A_uri_becomes_a_connection_string_with_every_part()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("postgres://ann:p%40ss@db.example:6543/corpus?sslmode=disable&search_path=team"));
        Assert.Equal(("db.example", 6543, "corpus", "ann", "p@ss", SslMode.Disable, "team"),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode, builder.SearchPath));
    }

    [Theory]
    [InlineData("postgres://host/db", true)]
    [InlineData("postgresql://host/db", true)]
    [InlineData("Host=localhost;Database=x", true)]
    [InlineData("corpus.db", false)]
    [InlineData("/data/hosts/corpus.db", false)]
    public void Locations_are_told_apart(string location, bool isPostgres) => Assert.Equal(isPostgres, PostgresLocation.IsPostgres(location));

    [Fact]
    public void A_password_never_shows_in_what_people_see()
    {
        Assert.DoesNotContain("secret", PostgresLocation.Redact("postgres://ann:secret@host:5432/db"), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", PostgresLocation.Redact("Host=h;Username=ann;Password=secret"), StringComparison.Ordinal);
        Assert.Contains("host:5432/db", PostgresLocation.Redact("postgres://ann:secret@host:5432/db"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_address_is_refused_with_a_code()
    {
        var error = Assert.Throws<AnnalistException>(() => PostgresLocation.ToConnectionString("postgres://:secret@/"));
        Assert.Equal(ErrorCatalogue.InvalidStoreLocation.Code, error.Code);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
