using System.Security.Cryptography;
using System.Text;
using Annalist.Core.Errors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Annalist.Web.Security;

/// <summary>
/// What every write must pass, checked on the server before the endpoint runs: the request comes from a page
/// of this server (an <c>Origin</c> header, when sent, names this host), it carries the write token in
/// <see cref="TokenHeader"/>, and it carries a valid anti-forgery token (cookie plus <see cref="AntiforgeryHeader"/>).
/// </summary>
public sealed class WriteGuard : IEndpointFilter
{
    public const string TokenHeader = "X-Annalist-Token";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    private readonly byte[] _token;

    public WriteGuard(string token)
    {
        _token = Encoding.UTF8.GetBytes(token);
    }

    /// <summary>A new random token: 32 bytes, URL-safe base64.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (context.Request.Headers.Origin is { Count: > 0 } origin && !IsSameOrigin(origin.ToString(), context.Request))
            return Problems.Of(ErrorCatalogue.WebCrossOrigin, StatusCodes.Status403Forbidden, origin.ToString());
        string? token = context.Request.Headers[TokenHeader];
        if (string.IsNullOrEmpty(token)) return Problems.Of(ErrorCatalogue.WebTokenMissing, StatusCodes.Status401Unauthorized, TokenHeader);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token))
            return Problems.Of(ErrorCatalogue.WebTokenInvalid, StatusCodes.Status403Forbidden);
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery;
        if (antiforgery is null || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            return Problems.Of(ErrorCatalogue.WebAntiforgeryFailed, StatusCodes.Status400BadRequest);
        return await next(invocation).ConfigureAwait(false);
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
