using Annalist.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Annalist.Web.Security;

/// <summary>
/// On a loopback server, refuses requests whose <c>Host</c> is not a loopback name, so that a page of another
/// site whose name was made to resolve to 127.0.0.1 (DNS rebinding) cannot read the corpus.
/// </summary>
public static class LoopbackHosts
{
    public static Task Check(HttpContext context, Func<Task> next)
    {
        string host = context.Request.Host.Host;
        if (host is "127.0.0.1" or "localhost" or "[::1]" or "::1") return next();
        return Problems.WriteAsync(context, ErrorCatalogue.WebInvalidParameter, StatusCodes.Status400BadRequest, "Host", $"'{host}' is not a loopback name; this server answers only 127.0.0.1 and localhost");
    }
}
