using Annalist.Cli;

return AnnalistApp.Run(args);
