// The five lines of Python the page offers under "Your own model": they write any torch.nn.RNN,
// nn.LSTM or nn.GRU (named `model`) as the JSON file the weights loader reads (weights-file.ts,
// pytorch-import.ts: format, module, config, state_dict as nested lists). `m.mode` is "RNN_TANH",
// "RNN_RELU", "LSTM" or "GRU" for the module and any subclass of it. proj_size is written so that
// an LSTM with projections is refused by name rather than by its extra weight_hr tensors;
// batch_first so that the CLI reads inputs in the model's own layout, and dropout so that the
// reader is told the app runs the model as in eval() (docs/FILE-FORMATS.md).
// tests/unit/own-model-snippet.test.ts runs this exact text with PyTorch, and
// tests/fixtures/make_own_model_fixtures.py reads it from this file (keep it one template literal
// without backticks or `${`).
export const OWN_MODEL_SNIPPET = `import json  # model: your trained nn.RNN, nn.LSTM or nn.GRU
m = model
keys = ["input_size", "hidden_size", "num_layers", "bias", "batch_first", "bidirectional", "proj_size", "dropout"] + (["nonlinearity"] if m.mode.startswith("RNN") else [])
doc = {"format": "pytorch", "module": m.mode.split("_")[0], "config": {k: getattr(m, k) for k in keys}, "state_dict": {k: v.tolist() for k, v in m.state_dict().items()}}
json.dump(doc, open("model.json", "w"))
`;
