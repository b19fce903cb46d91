using Microsoft.AspNetCore.Http;

namespace Annalist.Web.Security;

/// <summary>
/// Headers on every response: a content security policy that allows scripts, styles, images and requests
/// from this server only (no inline script, no eval, no frames, no plug-ins), and the usual hardening.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy: scripts, style sheets, images and requests from this server only; no inline script, style
    /// element or style attribute. The map, timeline and graph libraries style elements through the DOM, which
    /// the policy allows; the one style element the graph library would add is in <c>app.css</c> instead.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
        return next();
    }
}
