using Annalist.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Annalist.Web.Security;

/// <summary>Errors of the API as RFC 9457 problem details carrying an <c>ANL7xxx</c> code from <see cref="ErrorCatalogue"/>.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Of(ErrorCode code, int status, params object[] arguments) =>
        Results.Problem(detail: code.Format(arguments), statusCode: status, title: code.Code, type: TypeOf(code),
            extensions: new Dictionary<string, object?> { ["code"] = code.Code });

    public static IResult Of(AnnalistException exception, int status) =>
        Results.Problem(detail: exception.Message, statusCode: status, title: exception.Code, type: "urn:annalist:error:" + exception.Code,
            extensions: new Dictionary<string, object?> { ["code"] = exception.Code });

    /// <summary>Writes a problem straight to the response, for middleware that runs outside an endpoint.</summary>
    public static Task WriteAsync(HttpContext context, ErrorCode code, int status, params object[] arguments)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemBody(TypeOf(code), code.Code, status, code.Format(arguments), code.Code), (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }

    private static string TypeOf(ErrorCode code) => "urn:annalist:error:" + code.Code;

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Code);
}
