using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Annalist.Web.Assets;

/// <summary>
/// The reader's pages, built by esbuild at build time and embedded in this assembly under <c>wwwroot/</c>,
/// served from memory with their content type and an ETag. Nothing is read from disk at run time.
/// </summary>
public sealed class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";

    private readonly FrozenDictionary<string, Asset> _assets;

    private EmbeddedAssets(FrozenDictionary<string, Asset> assets)
    {
        _assets = assets;
    }

    /// <summary>False when the build had no npm and only the API can be served.</summary>
    public bool HasPages => _assets.ContainsKey("index.html");

    public static EmbeddedAssets Load()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name.EndsWith(".map", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] body = buffer.ToArray();
            string etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 12) + "\"";
            assets[name[Prefix.Length..]] = new Asset(body, ContentTypeOf(name), etag);
        }
        return new EmbeddedAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Serves the asset at the request's path; any other path outside <c>/api</c> gets the single page.</summary>
    public async Task Serve(HttpContext context)
    {
        string path = (context.Request.Path.Value ?? "/").TrimStart('/');
        if (!_assets.TryGetValue(path, out var asset) && !_assets.TryGetValue("index.html", out asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var response = context.Response;
        response.ContentType = asset.ContentType;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentLength = asset.Body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(asset.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Body, string ContentType, string ETag);
}
