# bash completion for kinto-schema-doctor: options, their values, and dump
# files or directories (a directory archive is a directory).
_kinto_schema_doctor()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' opt='' pre=''
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	# "--color=al": split at '=' when COMP_WORDBREAKS has it, else one word
	# whose replies keep the "--color=" in front.
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		pre=$opt=
		cur=${cur#*=}
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == = ]] && [[ $prev == --* ]]; then
		opt=$prev
		cur=''
	else
		case $prev in
		-f | -a) opt=$prev ;;
		esac
	fi
	case $opt in
	-f | --format)
		mapfile -t COMPREPLY < <(compgen -P "$pre" -W 'text json junit' -- "$cur")
		return
		;;
	--color | --colour)
		mapfile -t COMPREPLY < <(compgen -P "$pre" -W 'auto always never' -- "$cur")
		return
		;;
	-a | --assume-version)
		mapfile -t COMPREPLY < <(compgen -P "$pre" -W "$(seq 1 26)" -- "$cur")
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W '--format= --sql --explain --assume-version=
			--list --toc --versions --color= --quiet --help --version' -- "$cur")
		if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
			compopt -o nospace 2>/dev/null
		fi
		return
	fi
	# One name a line, so that names with spaces stay whole.
	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -F _kinto_schema_doctor kinto-schema-doctor
