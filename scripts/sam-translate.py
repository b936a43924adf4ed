#!/usr/bin/env python3
"""Runs the real SAM transform (aws-sam-translator) on a SAM template and prints the CloudFormation JSON.

    python3 scripts/sam-translate.py template.yaml [--region ap-southeast-3] [Name=Value ...]

Name=Value pairs are template parameter values (the rest take their defaults). No AWS call is made: the managed-policy
map is empty (a template that names an AWS managed policy by name instead of by ARN fails here, on purpose), local
CodeUri paths are replaced by a placeholder S3 location as `sam build` would, and the region is given.

Used by the template tests (local/src/test/.../SamTransformTest.java); aws-sam-translator ships with cfn-lint
(`pip install cfn-lint`). Exit codes: 0 translated, 2 usage, 3 samtranslator missing, 4 the template was refused.
"""
import json
import os
import sys


def main(argv):
    args = [a for a in argv[1:]]
    region = "ap-southeast-3"
    if "--region" in args:
        i = args.index("--region")
        region = args[i + 1]
        del args[i:i + 2]
    if not args or args[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    template_path, assignments = args[0], args[1:]
    parameters = {}
    for a in assignments:
        if "=" not in a:
            print("not Name=Value: " + a, file=sys.stderr)
            return 2
        name, value = a.split("=", 1)
        parameters[name] = value

    # boto3 (used by samtranslator for the pseudo parameters) reads the region from here; nothing is called
    os.environ["AWS_DEFAULT_REGION"] = region
    try:
        import yaml
        from samtranslator.parser.parser import Parser
        from samtranslator.public.exceptions import InvalidDocumentException
        from samtranslator.translator.translator import Translator
        from samtranslator.yaml_helper import yaml_parse
    except ImportError as e:
        print("aws-sam-translator is not installed (pip install cfn-lint): " + str(e), file=sys.stderr)
        return 3

    try:
        with open(template_path, encoding="utf-8") as f:
            template = yaml_parse(f.read())
    except (OSError, yaml.YAMLError) as e:
        print("cannot read " + template_path + ": " + str(e), file=sys.stderr)
        return 4
    for resource in template.get("Resources", {}).values():
        props = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(props.get("CodeUri"), str) \
                and not props["CodeUri"].startswith("s3://"):
            props["CodeUri"] = "s3://sam-translate-placeholder/" + resource.get("Type").split("::")[-1] + ".zip"

    parameters.setdefault("AWS::Region", region)
    try:
        translated = Translator({}, Parser()).translate(template, parameter_values=parameters,
                                                        get_managed_policy_map=lambda: {})
    except InvalidDocumentException as e:
        for cause in e.causes:
            print("SAM transform refused the template: " + cause.message, file=sys.stderr)
        return 4
    json.dump(translated, sys.stdout, indent=1, sort_keys=True, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
