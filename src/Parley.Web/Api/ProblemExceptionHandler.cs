using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Parley.Talks.Rules;
using Parley.Talks.Storage;

namespace Parley.Web.Api;

/// <summary>
/// Turns exceptions into problem+json. Details come only from exceptions whose messages are built to
/// be shown (rules, conflicts, bad JSON paths); anything else is a bare 500 whose log line carries
/// the exception type only, so no request data reaches the log.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RuleViolationException rule => Problem(rule.Status, "A rule of the talks was broken", rule.Message, ("rule", rule.Rule)),
            NotFoundException nf => Problem(404, "Not found", nf.Message),
            ForbiddenException fb => Problem(403, "Forbidden", fb.Message),
            ConcurrencyException c => Problem(409, "Version conflict", $"the talks are at version {c.Actual}, not {c.Expected}; reload and retry", ("version", c.Actual)),
            IdempotencyKeyReusedException k => Problem(422, "Idempotency key reused", k.Message, ("rule", "idempotency-key")),
            BadHttpRequestException { StatusCode: 413 } => Problem(413, "Request body too large", "the request body exceeds the server's limit"),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", BadRequestDetail(bad)),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception.GetType().Name);
            problem = Problem(500, "Internal error", "the server failed; the error was logged without request data");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null }).ConfigureAwait(false);
    }

    private static string BadRequestDetail(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return $"invalid JSON at {json.Path ?? "$"}";
            }
        }

        // The framework's messages name the parameter or header, not its value.
        return bad.Message;
    }

    private static ProblemDetails Problem(int status, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "unhandled {ExceptionType}")]
    private partial void LogUnhandled(string exceptionType);
}
