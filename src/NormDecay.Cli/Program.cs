using NormDecay.Cli.Commands;

// normdecay: see Cli and 'normdecay --help'. Ctrl-C (SIGINT) cancels: the kernels are stopped and the exit code is 130.
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish through the cancellation token, not by the runtime killing the process
    cts.Cancel();
};
return await new Cli(Console.Out, Console.Error, Environment.CurrentDirectory).RunAsync(args, cts.Token);
