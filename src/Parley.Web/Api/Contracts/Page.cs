namespace Parley.Web.Api.Contracts;

/// <summary>One page of a list; pass <see cref="Next"/> as <c>after</c> for the next page (null: last page).</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items.</param>
/// <param name="Next">Cursor of the next page, or null.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
