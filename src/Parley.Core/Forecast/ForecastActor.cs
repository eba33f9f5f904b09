using Parley.Model;

namespace Parley.Forecast;

/// <summary>
/// One actor of a spatial forecast: capability (any positive scale) and, per dimension, a position on
/// [0, 100] and a salience on [0, 100] (saliences of one actor sum to at most 100).
/// </summary>
internal sealed record ForecastActor(string Name, string Description, double Capability, ValueList<double> Positions, ValueList<double> Saliences);
