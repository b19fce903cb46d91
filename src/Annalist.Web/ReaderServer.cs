using System.Net;
using Annalist.Core.Errors;
using Annalist.Store;
using Annalist.Web.Api;
using Annalist.Web.Assets;
using Annalist.Web.Corpus;
using Annalist.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Annalist.Web;

/// <summary>
/// The reader web application (<c>annalist serve</c>): Kestrel serving the JSON API under <c>/api</c>, its OpenAPI
/// description at <c>/openapi/v1.json</c>, and the pages built into this assembly. Binds loopback unless told
/// otherwise; only <c>POST /api/corrections</c> writes, and only with the write token.
/// </summary>
public sealed class ReaderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StorePool _stores;

    private ReaderServer(WebApplication app, StorePool stores, ReaderContext context)
    {
        _app = app;
        _stores = stores;
        Context = context;
    }

    public ReaderContext Context { get; }

    /// <summary>The address it listens on, such as <c>http://127.0.0.1:5170</c> (the real port when 0 was asked).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public string WriteToken => Context.WriteToken;

    /// <summary>Opens the store, reads the corpus index and starts listening.</summary>
    /// <exception cref="AnnalistException">ANL500x when the store cannot be opened; ANL1007 when the address is not an IP address or a free port.</exception>
    public static async Task<ReaderServer> StartAsync(ReaderOptions options, ICorpusEntitySource? entities = null, ILedgerSource? ledger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host == "localhost" ? "127.0.0.1" : options.Host, out var address))
            throw new AnnalistException(ErrorCatalogue.InvalidOption, $"--host must be an IP address, not '{options.Host}'.");
        if (options.Port is < 0 or > 65535) throw new AnnalistException(ErrorCatalogue.InvalidOption, $"--port must be 0 to 65535, not {options.Port}.");

        var stores = new StorePool(() => CorpusStores.Open(options.StoreLocation), options.StoreConnections);
        try
        {
            string description = stores.Use(store => store.Location);
            var index = new CorpusIndex(stores, entities ?? new StoreCorpusEntitySource(stores), ledger ?? new BuilderLedger());
            var assets = EmbeddedAssets.Load();
            var context = new ReaderContext(stores, index, assets, string.IsNullOrEmpty(options.WriteToken) ? WriteGuard.NewToken() : options.WriteToken, description);
            var app = Build(options, address, context);
            var server = new ReaderServer(app, stores, context);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Address = new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));
            return server;
        }
        catch (IOException exception)
        {
            stores.Dispose();
            throw new AnnalistException(ErrorCatalogue.InvalidOption, $"cannot listen on {options.Host}:{options.Port}: {exception.Message}");
        }
        catch
        {
            stores.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the host is stopped (Ctrl+C or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stores.Dispose();
    }

    private static WebApplication Build(ReaderOptions options, IPAddress address, ReaderContext context)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning)
            // Keys are held in memory on purpose (ProcessKeyRepository): the key manager's warning about unencrypted keys on disk does not apply.
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Listen(address, options.Port);
        });
        builder.Services.AddProblemDetails();
        // A body that cannot be bound throws, so that the exception handler answers it with a coded problem.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        // Anti-forgery keys live as long as the process: a restart asks pages for a new token, nothing is written to disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(keys => keys.XmlRepository = new ProcessKeyRepository());
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = WriteGuard.AntiforgeryHeader;
            antiforgery.Cookie.Name = "annalist-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        builder.Services.AddRequestTimeouts(timeouts =>
        {
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = options.RequestTimeout,
                WriteTimeoutResponse = http => Problems.WriteAsync(http, ErrorCatalogue.WebTimeout, StatusCodes.Status503ServiceUnavailable, options.RequestTimeout.TotalSeconds),
            };
        });
        var app = builder.Build();
        app.Use((http, next) => SecurityHeaders.Apply(http, next));
        if (IPAddress.IsLoopback(address)) app.Use(LoopbackHosts.Check);
        app.Use((http, next) => http.Request.ContentLength > options.MaxRequestBodyBytes
            ? Problems.WriteAsync(http, ErrorCatalogue.WebRequestTooLarge, StatusCodes.Status413PayloadTooLarge, options.MaxRequestBodyBytes)
            : next());
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleException });
        app.UseRouting();
        app.UseRequestTimeouts();
        app.MapOpenApi();
        ReaderApi.Map(app, context);
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], http => http.Request.Path.StartsWithSegments("/api")
            ? Problems.WriteAsync(http, ErrorCatalogue.WebNotFound, StatusCodes.Status404NotFound, "route", http.Request.Path.Value ?? "")
            : context.Assets.Serve(http)).ExcludeFromDescription();
        return app;
    }

    private static Task HandleException(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate) error = aggregate.InnerExceptions[0];
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) error = inner;
        }
        return error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.WriteAsync(http, ErrorCatalogue.WebRequestTooLarge, StatusCodes.Status413PayloadTooLarge, http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            BadHttpRequestException bad => Problems.WriteAsync(http, ErrorCatalogue.WebInvalidJson, StatusCodes.Status400BadRequest, bad.Message),
            AnnalistException coded => Problems.WriteAsync(http, ErrorCatalogue.WebStoreFailed, StatusCodes.Status500InternalServerError, coded.ToOneLine()),
            OperationCanceledException => Problems.WriteAsync(http, ErrorCatalogue.WebTimeout, StatusCodes.Status503ServiceUnavailable, 0),
            _ => Problems.WriteAsync(http, ErrorCatalogue.Internal, StatusCodes.Status500InternalServerError, error?.GetType().Name ?? "unknown"),
        };
    }
}
